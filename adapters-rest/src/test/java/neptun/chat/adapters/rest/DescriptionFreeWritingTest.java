package neptun.chat.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonView;
import io.dropwizard.testing.junit5.ResourceExtension;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The body writers see a resource method's annotations only when one of them is Jackson's. */
@ExtendWith(ResourceContainers.class)
class DescriptionFreeWritingTest {
    private static final ResourceExtension resource = ResourceExtension.builder()
            .addProvider(new DescriptionFreeWriting())
            .addProvider(new AnnotationNames())
            .addResource(new Routes())
            .build();

    @Test
    void givesTheWritersNoneOfADescribedMethodsAnnotations() {
        assertThat(resource.target("described").request().get(String.class)).isEmpty();
    }

    @Test
    void leavesTheAnnotationsOfAMethodThatCarriesOneOfJacksons() {
        assertThat(resource.target("viewed").request().get(String.class)).isEqualTo("{\"shown\":\"a\"}");
    }

    @Test
    void leavesAllOfThemWhenOneIsJacksons() {
        assertThat(resource.target("described-and-viewed").request().get(String.class))
                .isEqualTo("GET,JsonView,Operation,Path,Produces");
    }

    @Path("/")
    public static final class Routes {
        @GET
        @Path("described")
        @Produces(MediaType.TEXT_PLAIN)
        @Operation(summary = "described", responses = @ApiResponse(responseCode = "200", description = "a text"))
        public Named described() {
            return new Named();
        }

        @GET
        @Path("viewed")
        @Produces(MediaType.APPLICATION_JSON)
        @JsonView(Views.Shown.class)
        public Viewed viewed() {
            return new Viewed();
        }

        @GET
        @Path("described-and-viewed")
        @Produces(MediaType.TEXT_PLAIN)
        @Operation(summary = "described and viewed")
        @JsonView(Views.Shown.class)
        public Named describedAndViewed() {
            return new Named();
        }
    }

    /** Written as the simple names of the annotations the writer was given. */
    public static final class Named {
    }

    public static final class Views {
        interface Shown {
        }

        interface Other {
        }
    }

    public static final class Viewed {
        @JsonView(Views.Shown.class)
        public String shown = "a";
        @JsonView(Views.Other.class)
        public String hidden = "b";
    }

    @Produces(MediaType.TEXT_PLAIN)
    public static final class AnnotationNames implements MessageBodyWriter<Named> {
        @Override
        public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
            return type == Named.class;
        }

        @Override
        public void writeTo(Named named, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                            MultivaluedMap<String, Object> headers, OutputStream out) throws java.io.IOException, WebApplicationException {
            out.write(Arrays.stream(annotations).map(a -> a.annotationType().getSimpleName()).sorted()
                    .collect(Collectors.joining(",")).getBytes(StandardCharsets.UTF_8));
        }
    }
}
