import { start } from '/app/static/common.js';

start();
