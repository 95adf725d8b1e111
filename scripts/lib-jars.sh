# Sourced by scripts/demo and scripts/simulate: builds the fat jars when missing or older than the sources.
build_jars_if_stale() {
  local jars=(hub-server/target/hub-server.jar station-agent/target/station-agent.jar simulator/target/simulator.jar)
  local stale=0 jar
  for jar in "${jars[@]}"; do
    if [ ! -f "$jar" ]; then stale=1; break; fi
    # every module the jars are built from: a module's sources, its pom, and the profiles bundled in the agent
    if [ -n "$(find pom.xml */pom.xml */src hardware-profiles -newer "$jar" -type f -print -quit 2>/dev/null)" ]; then
      stale=1; break
    fi
  done
  if [ "$stale" = 1 ]; then
    echo "Building the jars (./mvnw -q -DskipTests package) ..." >&2
    ./mvnw -B -ntp -q -DskipTests package
  fi
}

require_socat() {
  if ! command -v socat >/dev/null 2>&1; then
    echo "$1 needs socat for the simulated scanners: sudo apt-get install socat" >&2
    exit 1
  fi
}
