package neptun.chat.bootstrap.wiring;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.configuration.ConfigurationException;
import io.dropwizard.configuration.ConfigurationFactory;
import io.dropwizard.configuration.ConfigurationFactoryFactory;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.ResourceConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import jakarta.validation.Validator;
import java.io.IOException;

/**
 * Lets every command run without a configuration file: Dropwizard then asks for a configuration with
 * no source, and this answers with the built-in {@value #DEFAULTS}, environment variables substituted.
 */
public final class DefaultConfigurationFactoryFactory<T> implements ConfigurationFactoryFactory<T> {
    static final String DEFAULTS = "neptun-default.yml";

    @Override
    public ConfigurationFactory<T> create(Class<T> klass, Validator validator, ObjectMapper objectMapper, String propertyPrefix) {
        return new YamlConfigurationFactory<>(klass, validator, objectMapper, propertyPrefix) {
            @Override
            public T build() throws IOException, ConfigurationException {
                return build(new SubstitutingSourceProvider(new ResourceConfigurationSourceProvider(),
                        new EnvironmentVariableSubstitutor(false)), DEFAULTS);
            }
        };
    }
}
