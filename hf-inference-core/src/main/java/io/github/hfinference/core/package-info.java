/**
 * The Hugging Face inference client: reactive and blocking façades, requests, responses
 * and their metadata.
 */
@NullMarked
package io.github.hfinference.core;

import org.jspecify.annotations.NullMarked;
