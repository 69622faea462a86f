#!/usr/bin/env bash
# counterbench: the one entry point. Finds a JDK 25, builds when needed, runs the CLI.
#   ./run-bench.sh            the main job (see --help)
#   ./run-bench.sh test       the whole test suite (Maven verify)
#   ./run-bench.sh --help     every subcommand
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# The CLI (what this script runs) and the standalone JMH jar (java -jar benchmarks.jar -l).
JAR="$ROOT/benchmarks/cli/target/counterbench.jar"
BENCH_JAR="$ROOT/benchmarks/bench/target/benchmarks.jar"
# Holds the sources' fingerprint as of the last successful build of both jars.
STAMP="$ROOT/benchmarks/cli/target/.build-stamp"
BUILD_LOG="$ROOT/target/build.log"
REQUIRED_MAJOR=25
JVM_FLAGS=(--enable-native-access=ALL-UNNAMED -Djdk.attach.allowAttachSelf -XX:+EnableDynamicAgentLoading
           --sun-misc-unsafe-memory-access=allow -XX:+UseParallelGC)

# HOME may be unset (env -u HOME, some services and CI steps); the JDK search, the Maven wrapper and
# Maven's ~/.m2 need one: take the account's home from the password database, as Java's user.home does.
if [[ -z "${HOME:-}" ]]; then
  HOME=$(getent passwd "$(id -u)" 2>/dev/null | cut -d: -f6 || true)
  [[ -n "$HOME" && -d "$HOME" ]] || HOME=/tmp
  export HOME
fi

die() { printf 'run-bench.sh: %s\n' "$*" >&2; exit 2; }
note() { printf '%s\n' "$*" >&2; }

# Major version of the java launcher in $1/bin/java, or empty.
java_major() {
  local java="$1/bin/java" line
  [[ -x "$java" ]] || return 0
  line=$("$java" -XshowSettings:properties -version 2>&1 | grep -m1 'java.specification.version' || true)
  line=${line##*= }
  line=${line%%.*}
  [[ "$line" =~ ^[0-9]+$ ]] && printf '%s' "$line"
  return 0
}

find_jdk() {
  local candidates=() c m
  [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME")
  # COUNTERBENCH_JDK_DIRS (space-separated globs) replaces the usual places; the tests use it.
  local places=${COUNTERBENCH_JDK_DIRS:-"/usr/lib/jvm/* /usr/java/* /usr/local/java/* /opt/java/* /opt/jdk* /opt/*jdk* $HOME/.sdkman/candidates/java/* $HOME/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home"}
  for c in $places; do
    [[ -d "$c" ]] && candidates+=("$c")
  done
  if [[ -z "${COUNTERBENCH_JDK_DIRS:-}" ]] && command -v java >/dev/null 2>&1; then
    c=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    candidates+=("$c")
  fi
  for c in "${candidates[@]}"; do
    m=$(java_major "$c")
    if [[ -n "$m" && "$m" -ge "$REQUIRED_MAJOR" ]]; then
      printf '%s' "$c"
      return 0
    fi
  done
  return 1
}

JDK=$(find_jdk) || die "no JDK $REQUIRED_MAJOR or newer found (looked at JAVA_HOME, /usr/lib/jvm/*, /opt/*, ~/.sdkman). Install one, e.g. 'apt-get install temurin-25-jdk' from Adoptium or any OpenJDK 25 build, then set JAVA_HOME to it."
export JAVA_HOME="$JDK"

mvnw() { (cd "$ROOT" && ./mvnw -B "$@"); }

# A fingerprint of what goes into the jars: every pom, every file under a module's src/main, the
# topology presets (names and contents, so an edit, a new file or a rename all count; a bare touch does not).
sources_fingerprint() {
  (cd "$ROOT" && find . \( -name target -o -name .git -o -path ./runs \
       -o -path ./results/published \) -prune -o -type f \( -name pom.xml -o -path '*/src/main/*' \
       -o -path './topology/presets/*' \) -exec cksum {} + | LC_ALL=C sort | cksum)
}

# True when a jar is missing or the sources differ from those of the last successful build.
# Only build() writes the stamp: a test run (even one that compiles) never vouches for the jars.
needs_build() {
  [[ -f "$JAR" && -f "$BENCH_JAR" && -f "$STAMP" ]] || return 0
  [[ "$(cat "$STAMP")" != "$(sources_fingerprint)" ]]
}

build() {
  mkdir -p "$ROOT/target"
  note "building counterbench with $JAVA_HOME (first use or sources changed; log: target/build.log)..."
  local start=$SECONDS fingerprint
  fingerprint=$(sources_fingerprint)
  rm -f "$STAMP"
  if ! mvnw -Dmaven.test.skip=true -Dmaven.javadoc.skip=true package >"$BUILD_LOG" 2>&1; then
    grep -E '^\[ERROR\]' "$BUILD_LOG" | head -20 >&2 || tail -20 "$BUILD_LOG" >&2
    die "build failed; the full log is $BUILD_LOG"
  fi
  [[ -f "$JAR" && -f "$BENCH_JAR" ]] || die "the build left no $JAR or $BENCH_JAR; the full log is $BUILD_LOG"
  printf '%s\n' "$fingerprint" >"$STAMP"
  note "built in $((SECONDS - start)) s."
}

# No arguments: the suite's main job, the quick profile on this machine.
if [[ $# -eq 0 ]]; then
  set -- run --profile quick
fi

test_help() {
  cat <<'HELP'
Usage: ./run-bench.sh test [--jcstress] [--fuzz] [--faults] [MAVEN ARGS...]
Runs the whole test suite (unit, property, concurrency and short jcstress tests) with Maven verify.
  --jcstress   run the jcstress tests in their full mode (long) instead of the short CI mode
  --fuzz       run only the bad-input campaign, in its full mode (thousands of malformed inputs,
               a few minutes) instead of the few hundred of every test run; another seed:
               -Dcounterbench.fuzz.seed=N
  --faults     run only the fault campaign, in its long mode (full disks of several sizes, many
               signals at seeded random moments, two runs at once, read-only locations; about
               5 minutes) instead of the short one of every test run; another seed:
               -Dcounterbench.faults.seed=N
Extra arguments go to Maven, e.g. -pl counters or -Dtest=TreeCounterTest.
HELP
}

format_help() {
  cat <<'HELP'
Usage: ./run-bench.sh format
Formats every Java file of the project (palantir-java-format, 120 columns, through Spotless).
'./run-bench.sh test' fails on a file that differs from that format.
HELP
}

build_help() {
  cat <<'HELP'
Usage: ./run-bench.sh build
Builds the jars now (Maven package, tests skipped; log: target/build.log). Every other command
builds first by itself when a pom, a main source or a preset changed since the last successful build.
HELP
}

case "${1:-}" in
  help)
    # the two commands this script handles itself; the CLI answers 'help' for the others
    case "${2:-}" in
      test) test_help; exit 0 ;;
      build) build_help; exit 0 ;;
      format) format_help; exit 0 ;;
    esac
    ;;
  format)
    case "${2:-}" in
      -h|--help) format_help; exit 0 ;;
      "") ;;
      *) die "format takes no arguments, got '$2' (see './run-bench.sh format --help')" ;;
    esac
    mvnw -q com.diffplug.spotless:spotless-maven-plugin:apply
    exit $?
    ;;
  test)
    shift
    exec_args=()
    for a in "$@"; do
      case "$a" in
        --jcstress) exec_args+=(-Djcstress.mode=full) ;;
        --fuzz) exec_args+=(-Dcounterbench.fuzz=full -Dtest=BadInputCampaignTest -Dsurefire.failIfNoSpecifiedTests=false) ;;
        --faults) exec_args+=(-Dcounterbench.faults=full -Dtest='FaultCampaignTest,FaultRulesTest,FaultPartialResultsTest' -Dsurefire.failIfNoSpecifiedTests=false) ;;
        -h|--help) test_help; exit 0 ;;
        *) exec_args+=("$a") ;;
      esac
    done
    # no stamp here: a test run may build only some modules (-pl results), so it never marks the jars current
    mvnw verify "${exec_args[@]+"${exec_args[@]}"}"
    exit $?
    ;;
  build)
    case "${2:-}" in
      -h|--help) build_help; exit 0 ;;
      "") ;;
      *) die "build takes no arguments, got '$2' (see './run-bench.sh build --help')" ;;
    esac
    build
    exit 0
    ;;
esac

if needs_build; then
  build
fi
exec "$JAVA_HOME/bin/java" "${JVM_FLAGS[@]}" -Dcounterbench.home="$ROOT" ${COUNTERBENCH_JAVA_OPTS:-} -jar "$JAR" "$@"
