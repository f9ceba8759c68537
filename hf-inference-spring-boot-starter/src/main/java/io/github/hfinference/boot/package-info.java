/**
 * Spring Boot integration of Hugging Face inference: the configured models and the
 * callbacks that customize the beans the starter creates.
 */
@NullMarked
package io.github.hfinference.boot;

import org.jspecify.annotations.NullMarked;
