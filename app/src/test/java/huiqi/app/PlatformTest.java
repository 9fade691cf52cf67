package huiqi.app;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The one Spring context every integration test shares: the real platform on a random port, in demo mode,
 * against an embedded PostgreSQL in a fresh directory (durability off: it is thrown away).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = HuiqiApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "huiqi.demo=true",
                "huiqi.db.dir=target/test-pg",
                "huiqi.db.clean=true",
                "huiqi.db.durable=false",
                "huiqi.policies-dir=../policies",
                "huiqi.demo.enterprises=400",
                "spring.thymeleaf.cache=true"})
public @interface PlatformTest {
}
