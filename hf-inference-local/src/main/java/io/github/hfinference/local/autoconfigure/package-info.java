/**
 * Spring Boot auto-configuration of the {@code local} provider
 * ({@code hf.inference.local.*}).
 */
@NullMarked
package io.github.hfinference.local.autoconfigure;

import org.jspecify.annotations.NullMarked;
