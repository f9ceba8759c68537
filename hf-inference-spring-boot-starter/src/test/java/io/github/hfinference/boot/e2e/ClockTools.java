package io.github.hfinference.boot.e2e;

import org.springframework.stereotype.Component;

import io.github.hfinference.core.chat.HfTool;

/** A tool bean the model may call through {@link TimeAssistant}. */
@Component
public class ClockTools {

	@HfTool(description = "The current time in a city, as HH:mm")
	public String time(String city) {
		return city.equals("Paris") ? "14:05" : "unknown";
	}

}
