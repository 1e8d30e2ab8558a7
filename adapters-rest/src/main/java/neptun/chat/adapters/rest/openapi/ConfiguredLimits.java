package neptun.chat.adapters.rest.openapi;

import static neptun.chat.adapters.rest.openapi.SharedAnswers.typed;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import neptun.chat.adapters.rest.error.WireNames;
import neptun.chat.adapters.rest.resource.ChatsResource;
import neptun.chat.application.port.in.CreateChatCommand;
import neptun.chat.application.port.out.StoreUnavailableException;
import neptun.chat.domain.Actor;
import neptun.chat.domain.UserId;

/**
 * The limits the service enforces, stated as schema constraints: the configured message length, batch size and
 * page sizes, the fixed lengths of names, and the values an enumeration accepts, each taken from where the code
 * keeps it. Parameters the resources read as text get the type they are parsed as.
 */
final class ConfiguredLimits {
    private ConfiguredLimits() {
    }

    static void applyTo(OpenAPI model, DescriptionSettings settings) {
        Map<String, Schema> schemas = model.getComponents().getSchemas();
        int maxLength = settings.messages().maxMessageLength();
        text(property(schemas, "SingleMessageBody", WireNames.MESSAGE), maxLength);
        oneOf(property(schemas, "SingleMessageBody", WireNames.ACTOR), Actor.names());
        text(property(schemas, "BatchMessage", WireNames.CONTENT), maxLength);
        oneOf(property(schemas, "BatchMessage", WireNames.ROLE), Actor.names());
        property(schemas, "MessageBatchBody", WireNames.MESSAGES).minItems(1).maxItems(settings.messages().maxMessagesPerRequest());
        text(property(schemas, "ChatInputBody", WireNames.NAME), CreateChatCommand.MAX_NAME_LENGTH);
        text(property(schemas, "ChatInputBody", WireNames.MODEL), CreateChatCommand.MAX_MODEL_LENGTH);
        oneOf(property(schemas, "ChatMessageResponse", "actor"), Actor.names());
        oneOf(property(schemas, "ErrorDetails", "reason"),
                Arrays.stream(StoreUnavailableException.Reason.values()).map(StoreUnavailableException.Reason::label).toList());

        model.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
            if (operation.getParameters() != null) {
                operation.getParameters().forEach(parameter -> typeParameter(parameter, settings));
            }
        }));
    }

    private static void typeParameter(Parameter parameter, DescriptionSettings settings) {
        String name = parameter.getName();
        if (name.equals("user_id")) {
            parameter.setSchema(typed("string").minLength(1).maxLength(UserId.MAX_LENGTH));
        } else if (name.equals("chat_id")) {
            parameter.setSchema(typed("integer").format("int64").minimum(BigDecimal.ONE));
        } else if (name.equals(WireNames.AFTER)) {
            parameter.setSchema(typed("integer").format("int64").minimum(BigDecimal.ZERO));
        } else if (name.equals(WireNames.LIMIT)) {
            Schema<Object> limit = typed("integer").minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(settings.pages().maxLimit()));
            limit.setDefault(settings.pages().defaultLimit());
            parameter.setSchema(limit);
        } else if (name.equals(ChatsResource.ORDER_BY)) {
            Schema<Object> order = typed("string");
            List<String> values = List.copyOf(ChatsResource.ORDERS.keySet());
            oneOf(order, values);
            order.setDefault(values.get(0));
            parameter.setSchema(order);
        }
    }

    /** Text of 1 to {@code maxLength} characters (the service counts UTF-16 code units, as JavaScript does). */
    private static void text(Schema<?> schema, int maxLength) {
        schema.minLength(1).maxLength(maxLength);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void oneOf(Schema schema, List<String> values) {
        schema.setEnum(new ArrayList<>(values));
    }

    private static Schema<?> property(Map<String, Schema> schemas, String schemaName, String propertyName) {
        Schema<?> schema = schemas.get(schemaName);
        Schema<?> property = schema == null || schema.getProperties() == null ? null : schema.getProperties().get(propertyName);
        if (property == null) {
            throw new IllegalStateException("the description has no property " + propertyName + " in " + schemaName);
        }
        return property;
    }
}
