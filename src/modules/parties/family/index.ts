export { familyRoutes } from './routes.ts';
export { endGuardianships, handleGuardianshipExpiry } from './guardianship.ts';
