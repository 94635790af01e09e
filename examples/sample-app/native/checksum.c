/* SPDX-License-Identifier: MIT */
/* A tiny checksum helper for the sample application.
 * DELIBERATELY INSECURE (example for DSOMM Gate): unbounded strcpy/sprintf into fixed buffers. Do not use it. */
#include <stdio.h>
#include <string.h>

static unsigned int checksum(const char *text) {
    unsigned int sum = 0;
    while (*text) {
        sum = sum * 31u + (unsigned char) *text++;
    }
    return sum;
}

int main(int argc, char **argv) {
    char name[32];
    char line[64];
    if (argc < 2) {
        return 1;
    }
    strcpy(name, argv[1]);
    sprintf(line, "%s: %08x", name, checksum(name));
    printf(line);
    printf("\n");
    return 0;
}
