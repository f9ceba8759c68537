package io.github.hfinference.boot.e2e;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** An application using the starter: its @HfModel interfaces are found by the default scan. */
@SpringBootApplication
public class AssistantApplication {

}
