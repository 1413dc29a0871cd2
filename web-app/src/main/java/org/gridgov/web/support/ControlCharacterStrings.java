package org.gridgov.web.support;

import java.util.stream.Collectors;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * The JSON side of {@link ControlCharacters}: a string in a request body holding NUL or another control character
 * (tab, line feed and carriage return are fine) is refused while the body is read. Before, a NUL reached
 * PostgreSQL, which cannot store it in text, and the API answered 409 "integrity violation"; now the API's 400 names
 * the property ({@link #refusedProperty}).
 */
@Configuration(proxyBeanMethods = false)
public class ControlCharacterStrings {

    @Bean
    JsonMapperBuilderCustomizer refuseControlCharactersInStrings() {
        return builder -> builder.addModule(new SimpleModule("control-characters")
                .addDeserializer(String.class, new Refusing()));
    }

    /** The property (dotted path) whose string held a control character, or null for any other failure. */
    public static String refusedProperty(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof Refused refused) {
                String path = refused.getPath().stream()
                        .map(r -> r.getPropertyName() != null ? r.getPropertyName() : String.valueOf(r.getIndex()))
                        .collect(Collectors.joining("."));
                return path.isEmpty() ? "?" : path;
            }
        }
        return null;
    }

    static final class Refused extends InvalidFormatException {
        Refused(JsonParser parser, String value) {
            super(parser, "control character in a string", value, String.class);
        }
    }

    static final class Refusing extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            String value = super.deserialize(parser, context);
            if (value != null && ControlCharacters.hasControl(value)) {
                throw new Refused(parser, value);
            }
            return value;
        }
    }
}
