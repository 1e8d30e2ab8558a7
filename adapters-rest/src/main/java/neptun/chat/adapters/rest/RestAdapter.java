package neptun.chat.adapters.rest;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.core.setup.Environment;
import java.util.Map;
import java.util.function.Consumer;
import neptun.chat.adapters.rest.auth.AuthenticatedUser;
import neptun.chat.adapters.rest.auth.SessionAuthenticator;
import neptun.chat.adapters.rest.auth.SessionCookieAuthFilter;
import neptun.chat.adapters.rest.error.ErrorMappers;
import neptun.chat.adapters.rest.ops.AppendedMessages;
import neptun.chat.adapters.rest.resource.ChatExportResource;
import neptun.chat.adapters.rest.resource.ChatMessagesResource;
import neptun.chat.adapters.rest.resource.ChatsResource;
import neptun.chat.adapters.rest.resource.MessageSearchResource;
import neptun.chat.application.UseCases;

/**
 * Puts the HTTP API into a Dropwizard application: resources, cookie authentication, the body size
 * limit, and the exception mappers and Jetty error pages that give every error the same JSON envelope. The server must run
 * with {@code registerDefaultExceptionMappers: false}, or Dropwizard's mappers answer some errors in their own shape.
 */
public final class RestAdapter {
    private RestAdapter() {
    }

    public static void register(Environment environment, RestSettings settings, UseCases useCases) {
        jerseyProperties().forEach(environment.jersey()::property);
        register(environment.jersey()::register, environment.metrics(), settings, useCases);
        environment.getApplicationContext().setErrorHandler(new JsonErrorPages.InContext());
        environment.lifecycle().addServerLifecycleListener(server -> server.setErrorHandler(new JsonErrorPages.InServer()));
    }

    /** Jersey settings the adapter's server runs with; a test harness sets them the same way. */
    public static Map<String, Object> jerseyProperties() {
        return Map.of();
    }

    /** Hands every component to {@code jersey}, so a test harness can register exactly what the application does. */
    public static void register(Consumer<Object> jersey, MetricRegistry metrics, RestSettings settings, UseCases useCases) {
        var authenticator = SessionAuthenticator.cached(useCases.authenticateSession(),
                settings.sessionCacheTtl(), settings.sessionCacheMaxEntries(), metrics);
        var authFilter = new SessionCookieAuthFilter.Builder()
                .setCookieName(settings.cookieName())
                .setAuthenticator(authenticator)
                .buildAuthFilter();
        jersey.accept(new AuthDynamicFeature(authFilter));
        jersey.accept(new AuthValueFactoryProvider.Binder<>(AuthenticatedUser.class));
        jersey.accept(new BodySizeLimitFilter(settings.maxBodyBytes(), settings.maxBodyReadTime()));
        jersey.accept(new UnreadBodyDrainFilter());
        jersey.accept(new MissingContentTypeFilter());
        jersey.accept(new DescriptionFreeWriting());
        ErrorMappers.all(metrics).forEach(jersey);
        jersey.accept(new ChatsResource(useCases.createChat(), useCases.listChats(), useCases.renameChat(), useCases.deleteChat()));
        jersey.accept(new ChatMessagesResource(AppendedMessages.counted(useCases.createMessages(), metrics),
                useCases.readMessages(), useCases.removeLastMessage()));
        jersey.accept(new MessageSearchResource(useCases.searchMessages()));
        jersey.accept(new ChatExportResource(useCases.exportChat()));
    }
}
