package io.github.hfinference.boot.e2e;

import io.github.hfinference.core.declarative.HfModel;
import io.github.hfinference.core.declarative.UseTools;

/** A chat assistant that may call the {@link ClockTools} bean. */
@HfModel("chat")
@UseTools(ClockTools.class)
public interface TimeAssistant {

	String ask(String question);

}
