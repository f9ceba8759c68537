/**
 * The Hugging Face inference client: reactive and blocking façades, requests, responses
 * and their metadata, and the model of a model ({@link io.github.hfinference.core.ModelDefinition},
 * its targets, resilience policy and batching settings). The machinery behind it is in
 * {@code io.github.hfinference.core.internal}, which is not API.
 */
@NullMarked
package io.github.hfinference.core;

import org.jspecify.annotations.NullMarked;
