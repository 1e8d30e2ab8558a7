package neptun.chat.adapters.rest;

import io.dropwizard.testing.junit5.ResourceExtension;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.lifecycle.AfterContainerHook;
import net.jqwik.api.lifecycle.BeforeContainerHook;
import net.jqwik.api.lifecycle.ContainerLifecycleContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the {@link ResourceExtension}s a test class holds in its own static fields before its first test
 * and stops them after its last: once for the class, its nested classes included. Put
 * {@code @ExtendWith(ResourceContainers.class)} on a JUnit test class, {@code @AddLifecycleHook(ResourceContainers.class)}
 * on a jqwik one.
 */
public final class ResourceContainers implements BeforeAllCallback, AfterAllCallback, BeforeContainerHook, AfterContainerHook {
    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        forEachIn(context.getRequiredTestClass(), ResourceExtension::before);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        forEachIn(context.getRequiredTestClass(), ResourceExtension::after);
    }

    @Override
    public void beforeContainer(ContainerLifecycleContext context) throws Exception {
        forEachIn(context.optionalContainerClass().orElseThrow(), ResourceExtension::before);
    }

    @Override
    public void afterContainer(ContainerLifecycleContext context) throws Exception {
        forEachIn(context.optionalContainerClass().orElseThrow(), ResourceExtension::after);
    }

    private interface Step {
        void apply(ResourceExtension resource) throws Throwable;
    }

    private static void forEachIn(Class<?> testClass, Step step) throws Exception {
        try {
            for (ResourceExtension resource : declaredIn(testClass)) {
                step.apply(resource);
            }
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Only the class's own fields, so that a nested class does not start its outer class's resources again. */
    private static List<ResourceExtension> declaredIn(Class<?> testClass) throws IllegalAccessException {
        List<ResourceExtension> resources = new ArrayList<>();
        for (Field field : testClass.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && ResourceExtension.class.isAssignableFrom(field.getType())) {
                field.setAccessible(true);
                resources.add((ResourceExtension) field.get(null));
            }
        }
        return resources;
    }
}
