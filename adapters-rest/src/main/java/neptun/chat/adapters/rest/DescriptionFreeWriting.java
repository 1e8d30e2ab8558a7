package neptun.chat.adapters.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.util.Arrays;

/**
 * Hands the body writers none of the resource method's annotations when none of them is Jackson's. Jersey
 * passes them to every write, and Jackson's provider hashes each one to find its cached writer; an
 * annotation's hash is computed reflectively over all its members, and the OpenAPI annotations (operations
 * with their answers, schemas and headers) made that a seventh of the CPU of a small request. Only Jackson's
 * own annotations (such as {@code @JsonView}) change what it writes, so a method carrying one keeps them all.
 */
final class DescriptionFreeWriting implements DynamicFeature {
    private static final Annotation[] NONE = new Annotation[0];

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        var method = resource.getResourceMethod();
        if (method != null && Arrays.stream(method.getAnnotations()).noneMatch(DescriptionFreeWriting::isJacksons)) {
            context.register(new WithoutAnnotations());
        }
    }

    private static boolean isJacksons(Annotation annotation) {
        return annotation.annotationType().getName().startsWith("com.fasterxml.jackson.");
    }

    @Priority(Priorities.ENTITY_CODER)
    private static final class WithoutAnnotations implements WriterInterceptor {
        @Override
        public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
            context.setAnnotations(NONE);
            context.proceed();
        }
    }
}
