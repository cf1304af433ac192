import { DEMO, checkPage, personPage, signIn, test } from './support';

/** Pages per role, by address and heading: each is opened and scanned with axe. */
const TOUR: { who?: { username: string; email: string }; pages: [string, string | RegExp][] }[] = [
  { pages: [['/', 'Educator licensure in Massachusetts'], ['/lookup', 'Look up a license'], ['/forgot-username', 'Forgot your user name'], ['/forgot-password', 'Reset your password'], ['/create-profile', 'Create your educator profile']] },
  { who: { username: 'demoeducator', email: 'educator@demo.elar.example' }, pages: [['/dashboard', 'My applications'], ['/apply', 'Apply for a license'], ['/correspondence', 'Correspondence'], ['/licenses', 'My licenses'], ['/renewal', 'Renew a license'], ['/profile', 'My profile']] },
  { who: DEMO.evaluator, pages: [['/review', 'Review queue'], ['/review/renewals', 'Renewals sampled for audit']] },
  { who: DEMO.admin, pages: [['/admin/staff', /^Staff directory/], ['/admin/cases', 'Partial-match cases']] },
  { who: { username: 'demoservice', email: 'service@demo.elar.example' }, pages: [['/service/cases', 'All partial-match cases'], ['/service/assign', 'Assign an application']] },
];

test('every page of every role passes the axe scan (no serious or critical violation)', async ({ page, browser }) => {
  for (const stop of TOUR) {
    const p = stop.who ? await personPage(browser) : page;
    if (stop.who) await signIn(p, stop.who.username, DEMO.password, stop.who.email);
    for (const [path, heading] of stop.pages) {
      await p.goto(path);
      await checkPage(p, heading);
    }
    if (stop.who) await p.context().close();
  }
});
