/* execlist LIST CMD [ARG...]: replaces itself (exec, no shell, no fork) with CMD ARG... followed by
 * every non-empty line of LIST as one more argument. bench/compare.sh times each tool given
 * thousands of files this way: the process hyperfine measures does nothing else before the tool
 * starts. (A `bash -c 'mapfile -t F < LIST; exec CMD "${F[@]}"'` wrapper spends about 20 ms of CPU
 * expanding 2,500 paths, a sixth of bulwark's own time on the corpus.) */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char** argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: execlist LIST CMD [ARG...]\n");
        return 2;
    }
    FILE* list = fopen(argv[1], "r");
    if (list == NULL) {
        perror(argv[1]);
        return 2;
    }
    size_t cap = 4096;
    size_t n = 0;
    char** args = malloc(cap * sizeof *args);
    if (args == NULL) {
        perror("execlist");
        return 2;
    }
    for (int i = 2; i < argc; ++i) {
        args[n++] = argv[i];  /* argc - 2 < 4096: command lines of the benchmark are short */
    }
    char* line = NULL;
    size_t size = 0;
    ssize_t got;
    while ((got = getline(&line, &size, list)) > 0) {
        if (line[got - 1] == '\n') {
            line[--got] = '\0';
        }
        if (got == 0) {
            continue;
        }
        if (n + 2 > cap) {
            cap *= 2;
            args = realloc(args, cap * sizeof *args);
            if (args == NULL) {
                perror("execlist");
                return 2;
            }
        }
        args[n] = strdup(line);
        if (args[n] == NULL) {
            perror("execlist");
            return 2;
        }
        ++n;
    }
    fclose(list);
    args[n] = NULL;
    execvp(args[0], args);
    perror(args[0]);
    return 127;
}
