package io.github.hfinference.samples.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The web sample: REST and server-sent event endpoints in front of configured models.
 * Its {@code @HfModel} interfaces are found by the starter's scan of this package.
 */
@SpringBootApplication
public class SampleWebApplication {

	/**
	 * Starts the application.
	 * @param args the command line arguments
	 */
	public static void main(String[] args) {
		SpringApplication.run(SampleWebApplication.class, args);
	}

}
