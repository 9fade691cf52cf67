package huiqi.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication(scanBasePackages = {"huiqi.app", "huiqi.web"})
public class HuiqiApplication {
    public static void main(String[] args) {
        SpringApplication.run(HuiqiApplication.class, args);
    }
}
