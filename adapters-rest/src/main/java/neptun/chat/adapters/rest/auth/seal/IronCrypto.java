package neptun.chat.adapters.rest.auth.seal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/** The primitives of an iron "Fe26.2" seal, with iron's default options (JDK crypto only). */
final class IronCrypto {
    static final int SALT_HEX_LENGTH = 64;
    static final int IV_BYTES = 16;
    private static final int KEY_BITS = 256;
    private static final int ITERATIONS = 1;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder BASE64URL_DECODER = Base64.getUrlDecoder();

    private IronCrypto() {}

    /** PBKDF2-HMAC-SHA1 of the password (UTF-8) with the salt's hex text as ASCII bytes, as iron derives keys. */
    static byte[] key(char[] password, String saltHex) throws GeneralSecurityException {
        var spec = new PBEKeySpec(password, saltHex.getBytes(StandardCharsets.US_ASCII), ITERATIONS, KEY_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA1").generateSecret(spec).getEncoded();
        } finally {
            spec.clearPassword();
        }
    }

    /** The base64url HMAC-SHA256 of {@code text} under the key derived with {@code saltHex}. */
    static String mac(char[] password, String saltHex, String text) throws GeneralSecurityException {
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key(password, saltHex), "HmacSHA256"));
        return BASE64URL.encodeToString(mac.doFinal(text.getBytes(StandardCharsets.US_ASCII)));
    }

    static byte[] encrypt(char[] password, String saltHex, byte[] iv, byte[] plaintext) throws GeneralSecurityException {
        return aes(Cipher.ENCRYPT_MODE, password, saltHex, iv).doFinal(plaintext);
    }

    static byte[] decrypt(char[] password, String saltHex, byte[] iv, byte[] ciphertext) throws GeneralSecurityException {
        return aes(Cipher.DECRYPT_MODE, password, saltHex, iv).doFinal(ciphertext);
    }

    private static Cipher aes(int mode, char[] password, String saltHex, byte[] iv) throws GeneralSecurityException {
        var cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cipher.init(mode, new SecretKeySpec(key(password, saltHex), "AES"), new IvParameterSpec(iv));
        return cipher;
    }

    static String base64url(byte[] bytes) {
        return BASE64URL.encodeToString(bytes);
    }

    /** Decodes base64url without padding; throws IllegalArgumentException for anything else, {@code +}, {@code /} and {@code =} included. */
    static byte[] fromBase64url(String text) {
        if (!isBase64url(text)) {
            throw new IllegalArgumentException("not unpadded base64url");
        }
        return BASE64URL_DECODER.decode(text);
    }

    static boolean isBase64url(String text) {
        return text.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_');
    }

    /** True for what iron writes as a salt: 32 random bytes in lowercase hex. */
    static boolean isSalt(String text) {
        return text.length() == SALT_HEX_LENGTH && text.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }
}
