/* Crashes clang on purpose (its own debugging pragma): irqlcheck must
   report this file and go on with the others. */
#pragma clang __debug crash
int crash;
