package neptun.chat.adapters.rest.openapi;

import io.dropwizard.core.setup.Environment;
import io.dropwizard.servlets.assets.AssetServlet;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import neptun.chat.adapters.rest.resource.ChatExportResource;
import neptun.chat.adapters.rest.resource.ChatMessagesResource;
import neptun.chat.adapters.rest.resource.ChatsResource;
import neptun.chat.adapters.rest.resource.MessageSearchResource;
import org.webjars.WebJarVersionLocator;

/**
 * Publishes the API's description ({@value ApiDescriptionResource#JSON_PATH}, {@value ApiDescriptionResource#YAML_PATH})
 * and the page on it ({@value DocsPageServlet#PATH}) on the API port. All three are public, like a
 * login page: they show what the routes are, never data.
 */
public final class ApiDocs {
    /** Every resource class of the API port; a route of a class missing here would go undescribed. */
    static final Set<Class<?>> RESOURCES = Set.of(ChatsResource.class, ChatMessagesResource.class,
            MessageSearchResource.class, ChatExportResource.class, ApiDescriptionResource.class);

    private ApiDocs() {
    }

    public static void register(Environment environment, DescriptionSettings settings) {
        environment.jersey().register(new ApiDescriptionResource(ApiDescription.of(settings, RESOURCES)));
        environment.servlets().addServlet("api-docs", new DocsPageServlet()).addMapping(DocsPageServlet.PATH);
        environment.servlets().addServlet("api-docs-assets",
                new AssetServlet(swaggerUi(), DocsPageServlet.ASSETS_PATH, null, StandardCharsets.UTF_8))
                .addMapping(DocsPageServlet.ASSETS_PATH + "/*");
    }

    /** The folder of Swagger UI's WebJar on the class path. */
    private static String swaggerUi() {
        String index = new WebJarVersionLocator().fullPath("swagger-ui", "index.html");
        if (index == null) {
            throw new IllegalStateException("Swagger UI's WebJar is not on the class path");
        }
        return index.substring(0, index.length() - "/index.html".length());
    }
}
