package neptun.chat.application.port.in;

import java.util.Objects;

/**
 * What a write answered: its result, and whether that result was recorded by an earlier call with the same
 * idempotency key (then this call changed nothing).
 */
public record Outcome<R>(R result, boolean replayed) {
    public Outcome {
        Objects.requireNonNull(result, "result");
    }

    /** The result of a write that took effect now. */
    public static <R> Outcome<R> fresh(R result) {
        return new Outcome<>(result, false);
    }

    /** The recorded result of an earlier write with the same key. */
    public static <R> Outcome<R> replayed(R result) {
        return new Outcome<>(result, true);
    }
}
