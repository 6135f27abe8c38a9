La OIM ayuda a los migrantes varados a regresar a casa.
Ginebra – La Organización Internacional para las Migraciones (OIM) lanzó hoy un llamamiento de 45 millones de dólares estadounidenses para asistir a los desplazados internos en el Sahel.
Desde enero, la OIM ha ayudado a 3.200 migrantes varados a regresar a sus países de origen.
Las víctimas de trata reciben atención médica, apoyo psicosocial y asistencia jurídica.
El proyecto está financiado por la Unión Europea y el Gobierno de Alemania.
"Nadie debería verse obligado a abandonar su hogar", dijo la Directora General de la OIM.
Los funcionarios de fronteras recibieron formación para identificar a las víctimas de trata en los puestos fronterizos.
Más de 500 menores no acompañados fueron derivados a los servicios de protección de la infancia.
El nuevo centro de acogida puede albergar hasta 300 personas.
La OIM trabaja con los gobiernos para mejorar la gestión de fronteras y luchar contra el tráfico ilícito de migrantes.
Los retornados recibieron asistencia para la reintegración para poner en marcha pequeños negocios.
Muchos migrantes están varados en el desierto sin agua ni comida.
El programa apoya la reintegración sostenible de los retornados en sus comunidades.
La OIM y sus socios distribuyeron kits de refugio a 12.000 familias desplazadas.
La evaluación muestra que la mayoría de los migrantes viajan por rutas de migración irregular.
Las redes de trata explotan la vulnerabilidad de las mujeres y los niños.
El taller reunió a 40 participantes de cinco países.
La OIM pide a todos los Estados que protejan los derechos humanos de los migrantes.
El centro de tránsito ofrece comida, atención de salud y un lugar seguro para dormir.
Los traficantes de migrantes cobran a los migrantes hasta 2.000 dólares por la travesía.
El trabajo forzoso y la explotación sexual siguen siendo las formas de explotación más comunes.
El gobierno adoptó un plan de acción nacional contra la trata de personas.
El retorno voluntario asistido ofrece a los migrantes una forma digna de volver a casa.
Los líderes comunitarios desempeñan un papel clave en la prevención de la migración irregular.
La encuesta se realizó en marzo de 2025 en tres regiones.
La OIM seguirá apoyando a las autoridades en los próximos meses.
Las víctimas fueron identificadas durante una operación policial conjunta.
Cada retornado recibe una subvención para la reintegración y formación profesional.
Las fuertes lluvias han desplazado a miles de familias en el norte del país.
El Proyecto Migrantes Desaparecidos registró más de 2.000 muertes en el Mediterráneo el año pasado.
Las comunidades de acogida también se benefician de los nuevos puntos de agua.
El jefe de misión agradeció a los donantes su generoso apoyo.
Los trabajadores migrantes envían remesas a sus familias cada mes.
La formación se centró en la protección de los migrantes vulnerables.
La OIM es la principal organización intergubernamental en el ámbito de la migración.
El vuelo de retorno aterrizó en Bamako con 150 migrantes a bordo.
Las mujeres y las niñas corren un mayor riesgo de sufrir violencia de género durante el desplazamiento.
El país es un país de origen, tránsito y destino de migrantes.
Los socios acordaron reforzar la cooperación transfronteriza.
Para más información, póngase en contacto con la oficina de prensa de la OIM.
