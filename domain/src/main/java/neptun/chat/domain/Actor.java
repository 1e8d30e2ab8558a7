package neptun.chat.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Who wrote a message. */
public enum Actor {
    USER("user"),
    ASSISTANT("assistant"),
    SYSTEM("system");

    private static final List<String> NAMES = Arrays.stream(values()).map(Actor::wireName).toList();

    private final String wireName;

    Actor(String wireName) {
        this.wireName = wireName;
    }

    /** The name clients send and receive: {@code user}, {@code assistant} or {@code system}. */
    public String wireName() {
        return wireName;
    }

    /** Every accepted name, in declaration order. */
    public static List<String> names() {
        return NAMES;
    }

    /** The actor named exactly {@code name} (case-sensitive), or empty. */
    public static Optional<Actor> fromName(String name) {
        for (Actor actor : values()) {
            if (actor.wireName.equals(name)) {
                return Optional.of(actor);
            }
        }
        return Optional.empty();
    }
}
