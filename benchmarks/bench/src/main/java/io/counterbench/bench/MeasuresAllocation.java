package io.counterbench.bench;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a benchmark class whose point is what it allocates: the run plan adds JMH's gc profiler
 * (gc.alloc.rate.norm, bytes per op) to its rows. JMH ignores it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface MeasuresAllocation {}
