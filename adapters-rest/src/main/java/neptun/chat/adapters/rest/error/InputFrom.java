package neptun.chat.adapters.rest.error;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a resource method: the part of the request its use cases' input comes from, so that their
 * {@link neptun.chat.application.port.in.InvalidInputException} is answered as invalid input of that part.
 * Without it the answer is still a 400, named {@link RequestPart#UNNAMED}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface InputFrom {
    RequestPart value();
}
