/**
 * A WebFlux backend proxy for Hugging Face inference: the browser talks to this
 * application, only this application holds the token.
 */
@NullMarked
package io.github.hfinference.samples.web;

import org.jspecify.annotations.NullMarked;
