package neptun.chat.adapters.rest.openapi;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Objects;

/** This API's description, public (no session needed), in JSON and in YAML; it describes these routes too. */
@Path("/")
@Tag(name = "description", description = "This API's OpenAPI description")
public final class ApiDescriptionResource {
    public static final String JSON_PATH = "/openapi.json";
    public static final String YAML_PATH = "/openapi.yaml";
    static final String YAML = "application/yaml";

    private final ApiDescription description;

    ApiDescriptionResource(ApiDescription description) {
        this.description = Objects.requireNonNull(description);
    }

    @GET
    @Path(JSON_PATH)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "describeAsJson", summary = "This description, as JSON")
    @ApiResponse(responseCode = "200", description = "An OpenAPI 3.1 document.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(types = "object")))
    public String json() {
        return description.json();
    }

    @GET
    @Path(YAML_PATH)
    @Produces(YAML)
    @Operation(operationId = "describeAsYaml", summary = "This description, as YAML")
    @ApiResponse(responseCode = "200", description = "An OpenAPI 3.1 document.",
            content = @Content(mediaType = YAML, schema = @Schema(types = "string")))
    public String yaml() {
        return description.yaml();
    }
}
