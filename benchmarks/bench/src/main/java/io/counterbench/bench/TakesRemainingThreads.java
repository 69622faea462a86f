package io.counterbench.bench;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a member of a JMH {@code @Group}: when a run asks for n threads, this member gets n minus the
 * other members' {@code @GroupThreads} (at least 1), e.g. the writers beside one reader. The run
 * plan reads it; JMH ignores it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface TakesRemainingThreads {}
