package io.github.hfinference.samples.springai;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Spring AI over Hugging Face: {@code ChatClient} with a {@code @Tool}, structured output
 * and streaming on a router chat model, and retrieval over bundled documents with the
 * in-process embedding model (no token, no network).
 */
@SpringBootApplication
public class SampleSpringAiApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleSpringAiApplication.class, args);
	}

}
