import type { Scenario } from '../support/scenario.ts';
import { customer } from './customer.ts';
import { dashboard } from './dashboard.ts';
import { loginFlood } from './login-flood.ts';
import { me } from './me.ts';
import { readyz } from './readyz.ts';
import { settings } from './settings.ts';

/** Every scenario, in the order `npm run bench` runs them. A module adds its file and a line here. */
export const scenarios: Scenario[] = [readyz, settings, me, customer, dashboard, loginFlood];
