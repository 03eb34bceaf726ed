/* Does not compile: the tool says so, exits 2 and checks the other files. */
int broken(void) { return undeclared_identifier; }
