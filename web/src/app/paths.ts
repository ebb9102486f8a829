export const paths = {
  home: '/',
  login: '/login',
  register: '/register',
  business: '/business',
} as const;
