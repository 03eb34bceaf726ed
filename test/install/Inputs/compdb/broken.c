/* Does not compile: the runner reports a failed command (exit 2). */
int broken(void) { return undeclared_identifier; }
