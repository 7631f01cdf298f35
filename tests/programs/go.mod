module golanes.test/programs

go 1.22
