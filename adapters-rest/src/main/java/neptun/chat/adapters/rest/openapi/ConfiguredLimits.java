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
import neptun.chat.adapters.rest.export.ExportFormat;
import neptun.chat.adapters.rest.resource.ChatsResource;
import neptun.chat.adapters.rest.resource.MessageSearchResource;
import neptun.chat.application.port.in.CreateChatCommand;
import neptun.chat.application.port.in.PageLimits;
import neptun.chat.application.port.in.SearchLimits;
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
        oneOf(property(schemas, "ExportLine", WireNames.ROLE), Actor.names());
        oneOf(property(schemas, "ErrorDetails", "reason"),
                Arrays.stream(StoreUnavailableException.Reason.values()).map(StoreUnavailableException.Reason::label).toList());

        model.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
            if (operation.getParameters() != null) {
                boolean search = MessageSearchResource.OPERATION_ID.equals(operation.getOperationId());
                operation.getParameters().forEach(parameter -> {
                    if (!search || !typeSearchParameter(parameter, settings.search())) {
                        typeParameter(parameter, settings);
                    }
                });
            }
        }));
    }

    /** The search's own parameters, and its page sizes and cursor, which are not those of a chat's messages; false for the rest. */
    private static boolean typeSearchParameter(Parameter parameter, SearchLimits limits) {
        String name = parameter.getName();
        if (name.equals(WireNames.QUERY)) {
            parameter.setSchema(typed("string").minLength(1).maxLength(limits.maxQueryLength()));
        } else if (name.equals(WireNames.ACTOR)) {
            Schema<Object> actor = typed("string");
            oneOf(actor, Actor.names());
            parameter.setSchema(actor);
        } else if (name.equals(WireNames.SINCE) || name.equals(WireNames.UNTIL)) {
            parameter.setSchema(typed("string").format("date-time"));
        } else if (name.equals(WireNames.AFTER)) {
            parameter.setSchema(typed("string").minLength(1));
        } else if (name.equals(WireNames.LIMIT)) {
            parameter.setSchema(limit(limits.pageLimits()));
        } else {
            return false;
        }
        return true;
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
            parameter.setSchema(limit(settings.pages()));
        } else if (name.equals(ChatsResource.ORDER_BY)) {
            Schema<Object> order = typed("string");
            List<String> values = List.copyOf(ChatsResource.ORDERS.keySet());
            oneOf(order, values);
            order.setDefault(values.get(0));
            parameter.setSchema(order);
        } else if (name.equals(WireNames.FORMAT)) {
            Schema<Object> format = typed("string");
            oneOf(format, ExportFormat.names());
            format.setDefault(ExportFormat.JSONL.wireName());
            parameter.setSchema(format);
        }
    }

    private static Schema<Object> limit(PageLimits pages) {
        Schema<Object> limit = typed("integer").minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(pages.maxLimit()));
        limit.setDefault(pages.defaultLimit());
        return limit;
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
