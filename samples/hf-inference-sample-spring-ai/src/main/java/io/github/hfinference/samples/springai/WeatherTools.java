package io.github.hfinference.samples.springai;

import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;
import org.springframework.stereotype.Component;

/**
 * A tool the chat model may call: a fixed table stands in for a weather service.
 */
@Component
public class WeatherTools {

	/**
	 * The current weather of a city.
	 * @param city the city
	 * @return temperature and sky
	 */
	@Tool(description = "The current weather of a city: temperature in degrees Celsius and the sky")
	public String currentWeather(@ToolParam(description = "The city, e.g. Paris") String city) {
		return switch (city.trim().toLowerCase(java.util.Locale.ROOT)) {
			case "paris" -> "21 °C, sunny";
			case "london" -> "14 °C, drizzle";
			default -> "17 °C, cloudy";
		};
	}

}
