/** Demo data for the local stack only (never seeded in production). */
export const DEMO_PASSWORD = 'Demo2026';

export const DEMO_ORGANIZATION = { code: 'MALDEN-PS', name: 'Malden Public Schools', kind: 'district' };

export const DEMO_USERS = [
  { username: 'demoeducator', role: 'EDUCATOR', firstName: 'Dana', lastName: 'Demo', dateOfBirth: '1988-03-14', ssnLast4: '4321', email: 'educator@demo.elar.example', staff: true },
  { username: 'demoevaluator', role: 'EVALUATOR', firstName: 'Evan', lastName: 'Evaluator', dateOfBirth: '1975-07-01', ssnLast4: '1111', email: 'evaluator@demo.elar.example', staff: false },
  { username: 'demoadmin', role: 'DIRECTORY_ADMIN', firstName: 'Ada', lastName: 'Admin', dateOfBirth: '1970-01-20', ssnLast4: '2222', email: 'admin@demo.elar.example', staff: true },
  { username: 'demoservice', role: 'CUSTOMER_SERVICE', firstName: 'Casey', lastName: 'Service', dateOfBirth: '1980-11-30', ssnLast4: '3333', email: 'service@demo.elar.example', staff: false },
] as const;

/** A staff record the directory administrator entered, without credentials (outcome 2 in the profile flow). */
export const DEMO_PREEXISTING = { firstName: 'Pat', lastName: 'Preexisting', dateOfBirth: '1990-05-05', ssnLast4: '5555' };
