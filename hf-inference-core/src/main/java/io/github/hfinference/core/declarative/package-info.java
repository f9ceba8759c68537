/**
 * Declarative inference clients: {@link io.github.hfinference.core.declarative.HfModel @HfModel}
 * interfaces whose methods are parsed and validated once, then served by a proxy from
 * {@link io.github.hfinference.core.declarative.HfModelProxyFactory}.
 */
@NullMarked
package io.github.hfinference.core.declarative;

import org.jspecify.annotations.NullMarked;
