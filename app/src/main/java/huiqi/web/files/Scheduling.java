package huiqi.web.files;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on @Scheduled (the hourly sweep of expired pending files). */
@Configuration
@EnableScheduling
class Scheduling {
}
