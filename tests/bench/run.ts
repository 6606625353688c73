// `npm run bench`: prints figures measured in real Chromium; never pass/fail on a time.
import { benchKnowledgeBase } from './kb-bench';
import { benchSpotting } from './spotting-bench';
import { benchCard } from './card-bench';

const only = process.argv[2];
console.log(`# Backstory benchmarks (${new Date().toISOString()})`);
if (!only || only === 'kb') await benchKnowledgeBase();
if (!only || only === 'spotting') await benchSpotting();
if (!only || only === 'card') await benchCard();
