#! BD105
docker run -d --security-opt label=disable nginx:1.27
#! BD105
docker run -d --security-opt label:disable nginx:1.27
#! BD105
docker run -d --security-opt label=type:spc_t nginx:1.27
