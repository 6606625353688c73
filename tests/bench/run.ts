// `npm run bench`: prints figures measured in real Chromium; never pass/fail on a time.
import { benchKnowledgeBase } from './kb-bench';

const only = process.argv[2];
console.log(`# Backstory benchmarks (${new Date().toISOString()})`);
if (!only || only === 'kb') await benchKnowledgeBase();
