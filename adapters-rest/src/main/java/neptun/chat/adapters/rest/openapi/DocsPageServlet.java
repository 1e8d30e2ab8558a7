package neptun.chat.adapters.rest.openapi;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The interactive page on the API description: Swagger UI, served with its scripts from the service itself
 * (under {@value #ASSETS_PATH}), no CDN. "Try it out" sends its requests to this server, with the browser's
 * session cookie.
 */
final class DocsPageServlet extends HttpServlet {
    static final String PATH = "/docs";
    static final String ASSETS_PATH = PATH + "/assets";

    private static final byte[] PAGE = ("""
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>neptun-chat API</title>
              <link rel="stylesheet" href="%1$s/swagger-ui.css">
            </head>
            <body>
              <div id="swagger-ui"></div>
              <script src="%1$s/swagger-ui-bundle.js"></script>
              <script>
                window.ui = SwaggerUIBundle({url: "%2$s", dom_id: "#swagger-ui", deepLinking: true, tryItOutEnabled: false});
              </script>
            </body>
            </html>
            """.formatted(ASSETS_PATH, ApiDescriptionResource.JSON_PATH)).getBytes(StandardCharsets.UTF_8);

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html;charset=utf-8");
        response.setContentLength(PAGE.length);
        response.getOutputStream().write(PAGE);
    }
}
