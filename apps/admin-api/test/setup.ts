import { lowerPasswordCostForTests } from "../src/platform/passwords.ts";

// Real scrypt, at a cost a busy CI machine can pay hundreds of times.
lowerPasswordCostForTests();
