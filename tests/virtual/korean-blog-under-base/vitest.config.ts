/** A Korean blog under `/blog/`, in Asia/Seoul, with authors: the options these tests run with. */
import { chirpyVitestProject } from '../../helpers/chirpy-vitest.ts';

export default chirpyVitestProject(import.meta.url, {
  base: '/blog',
  options: {
    title: '수학 & <블로그>',
    description: 'Notes',
    locale: 'ko-KR',
    timezone: 'Asia/Seoul',
    author: 'Site Owner',
    authors: { kim: { name: '김철수', url: 'https://kim.example/', twitter: '@kim' } },
  },
});
