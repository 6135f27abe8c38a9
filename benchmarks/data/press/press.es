Bamako – La Organización Internacional para las Migraciones (OIM) lanzó el lunes un nuevo programa de retorno voluntario asistido y reintegración.
«Debemos proteger a los migrantes vulnerables a lo largo de las rutas migratorias», declaró el Sr. Jean Martin, jefe de misión de la OIM en Malí.
En el marco de este proyecto, 1.250 migrantes recibieron asistencia directa en 2024.
Este programa está financiado por la Unión Europea con 215.000 dólares estadounidenses.
La aplicación del plan de acción nacional continuará hasta el 14 de marzo de 2025.
Según la OIM, el 68,5 % de las víctimas de trata identificadas en la región son mujeres y niñas.
Con el fin de reforzar la cooperación regional, los Estados miembros adoptaron una hoja de ruta común.
Habida cuenta de la situación de seguridad, las partes interesadas acordaron reforzar la protección de los migrantes.
Las autoridades nigerinas hicieron frente a un aumento del número de migrantes varados en Agadez.
El taller reunió a funcionarios de policía, magistrados y representantes de la sociedad civil.
En materia de lucha contra la trata de seres humanos, la coordinación entre los países sigue siendo esencial.
S.E. el Dr. Ibrahim Touré, ministro del Interior, elogió el compromiso de la OIM.
La Sra. Aminata Diallo, directora regional de la OIM, destacó la importancia de una migración segura, ordenada y regular.
Las oficinas regionales de la OIM en Dakar y Nairobi coordinaron la respuesta.
Las redes criminales explotan la vulnerabilidad de los migrantes en situación irregular.
En total, 212 niños no acompañados fueron atendidos por los servicios sociales.
La formación se enmarca en un proyecto regional financiado por el Canadá.
Los participantes intercambiaron buenas prácticas en materia de gestión de fronteras.
Desde enero de 2023, más de 3.400 migrantes han recibido asistencia para regresar a sus países de origen.
Esta iniciativa tiene como objetivo luchar contra la migración irregular y el tráfico ilícito de migrantes.
La OIM trabaja en estrecha colaboración con el gobierno para establecer mecanismos de derivación.
A través de esta campaña de sensibilización, se informa a los jóvenes sobre los riesgos de la migración irregular.
Dada la magnitud del fenómeno, es necesaria una respuesta coordinada.
Las víctimas recibieron alojamiento, atención médica y apoyo psicosocial.
El proyecto contribuye a la reintegración sostenible de los migrantes retornados en sus comunidades.
«La trata de personas es una violación grave de los derechos humanos», afirmó la representante del gobierno.
Los ministros reafirmaron su compromiso de aplicar el Pacto Mundial para la Migración Segura, Ordenada y Regular.
El centro de tránsito de la OIM en Niamey acoge actualmente a 1.800 migrantes.
La ceremonia tuvo lugar en presencia del embajador del Japón y del representante de la Unión Africana.
Los migrantes pueden ser explotados por traficantes que les prometen un empleo en Europa.
Para más información, sírvase contactar con la oficina de la OIM en Dakar.
Tel.: +221 33 869 62 00
El presupuesto total del proyecto asciende a 2,5 millones de euros en tres años.
Los socios también debatieron los desafíos relacionados con el cambio climático y los desplazamientos.
La OIM insta a los Estados a garantizar el acceso de los migrantes a los servicios de salud.
Más de 40 agentes de los servicios de inmigración recibieron formación en identificación de víctimas.
Este encuentro permitió hacer balance de los progresos realizados desde el año pasado.
El Director General de la OIM visitó el Senegal del 3 al 5 de junio de 2024.
Las mujeres migrantes están particularmente expuestas a la violencia y la explotación.
La OIM presta asistencia humanitaria a los desplazados internos.
«Ningún migrante debería morir buscando una vida mejor», declaró el jefe de misión.
El gobierno anunció la creación de un comité nacional de lucha contra la trata.
Los datos recopilados permitirán mejorar la atención a las víctimas.
La conferencia se organizó con el apoyo del Gobierno de los Estados Unidos.
Las comunidades de acogida también se beneficiaron de proyectos de desarrollo local.
