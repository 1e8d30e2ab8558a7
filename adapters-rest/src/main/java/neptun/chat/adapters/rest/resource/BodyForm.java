package neptun.chat.adapters.rest.resource;

import neptun.chat.adapters.rest.error.WireNames;

/** The two shapes a create-messages body may take; the answer mirrors the shape. */
enum BodyForm {
    /** {@code {"message": ..., "actor": ...}}. */
    SINGLE(WireNames.SINGLE_MESSAGE),
    /** {@code {"messages": [{"content": ..., "role": ...}, ...]}}. */
    BATCH(WireNames.STANDARD);

    private final WireNames names;

    BodyForm(WireNames names) {
        this.names = names;
    }

    /** How a body of this form names the command's fields. */
    WireNames names() {
        return names;
    }
}
